package io.antfleet.store;

import io.antfleet.fleet.NodeReadings;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in NodeReadingMapper.xml: the readings history. */
interface NodeReadingMapper {
    int insert(@Param("nodeId") long nodeId, @Param("r") NodeReadings readings, @Param("at") Instant at);

    List<NodeReadingSample> findSince(@Param("nodeId") long nodeId, @Param("since") Instant since);

    long count();

    int deleteOlderThan(@Param("before") Instant before);
}
