package io.antfleet.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects an exec's output frames with stdout and stderr kept apart. Bytes are decoded only at the end
 * because a frame boundary may split a multi-byte character (antctl prints ✓ and ✕). Past {@code max}
 * bytes in all it keeps nothing more, says {@link #overflowed()} and completes, so that the caller stops
 * waiting and kills the command instead of holding its output without end.
 */
final class FrameCollector extends ResultCallback.Adapter<Frame> {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final int max;
    private boolean overflowed;

    FrameCollector(int max) {
        this.max = max;
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload == null) {
            return;
        }
        synchronized (this) {
            if (overflowed) {
                return;
            }
            if ((long) stdout.size() + stderr.size() + payload.length > max) {
                overflowed = true;
                onComplete();
                return;
            }
            if (frame.getStreamType() == StreamType.STDERR) {
                stderr.writeBytes(payload);
            } else {
                stdout.writeBytes(payload);
            }
        }
    }

    synchronized boolean overflowed() {
        return overflowed;
    }

    synchronized String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
