package io.antfleet.engine.apply;

import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.plan.PortBatch;
import io.antfleet.fleet.spec.RewardsAddress;
import io.antfleet.fleet.spec.SpecContainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a plan's port batches into antctl add calls. Each node draws its wallet, and one antctl add
 * takes one {@code --rewards-address}, so a batch splits where consecutive nodes drew different wallets.
 */
public final class AddBatches {
    private AddBatches() {
    }

    record Call(int count, PortRange node, PortRange metrics, PortRange rpc, WalletAddress wallet) {
    }

    static List<Call> split(List<PortBatch> batches, RewardsAddress rewards, WalletPicker wallets) {
        List<Call> calls = new ArrayList<>();
        for (PortBatch b : batches) {
            int start = 0;
            WalletAddress current = wallets.pick(rewards);
            for (int i = 1; i <= b.count(); i++) {
                WalletAddress next = i < b.count() ? wallets.pick(rewards) : null;
                if (next == null || !next.equals(current)) {
                    int n = i - start;
                    calls.add(new Call(n, slice(b.node(), start, n), slice(b.metrics(), start, n), slice(b.rpc(), start, n), current));
                    start = i;
                    current = next;
                }
            }
        }
        return calls;
    }

    private static PortRange slice(PortRange r, int offset, int count) {
        return new PortRange(r.first() + offset, r.first() + offset + count - 1);
    }

}
