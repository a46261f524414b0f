package io.antfleet.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in DecisionMapper.xml. */
interface DecisionMapper {
    void insert(@Param("d") DecisionRecord decision);

    List<DecisionRecord> findRecent(@Param("limit") int limit);

    List<DecisionRecord> findRecentOf(@Param("action") String action, @Param("containerId") long containerId,
            @Param("limit") int limit);
}
