package io.antfleet.store;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in HistoryMapper.xml: table host_reading, and the sums of node_reading per sweep. */
interface HistoryMapper {
    void insertHost(@Param("h") HostReading reading);

    List<HostReading> hostSince(@Param("since") Instant since, @Param("limit") int limit);

    List<HostReading> latestHost();

    List<HostReading> hostsLatest();

    List<FleetTotals> totalsSince(@Param("since") Instant since);

    List<NodeReadAt> lastReadAt();

    int deleteHostOlderThan(@Param("before") Instant before);
}
