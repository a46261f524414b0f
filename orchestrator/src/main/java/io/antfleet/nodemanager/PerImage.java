package io.antfleet.nodemanager;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a node manager learnt of an image ({@code sha256:...}) rather than of one container: the containers of
 * one image run one tool, so its version (antctl's dialect, ant's version check) is asked once per image, not
 * once per container. The first caller for an image asks; callers meanwhile wait for its answer. When asking
 * fails (say, that container was not ready), nothing is kept and each waiting caller asks for itself.
 * Thread safe.
 */
public final class PerImage<T> {
    private final ConcurrentHashMap<String, CompletableFuture<T>> known = new ConcurrentHashMap<>();

    public T get(String imageId, Supplier<T> ask) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> first = known.putIfAbsent(imageId, mine);
        if (first == null) {
            try {
                T answer = ask.get();
                mine.complete(answer);
                return answer;
            } catch (RuntimeException e) {
                known.remove(imageId, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return first.join();
        } catch (CompletionException | CancellationException e) {
            return ask.get();
        }
    }
}
