package io.antfleet.store;

import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in OperationMapper.xml. */
interface OperationMapper {
    void insert(@Param("op") Operation operation, @Param("key") GeneratedId key);

    int finish(@Param("id") long id, @Param("state") OperationState state, @Param("services") List<String> services,
            @Param("at") Instant at, @Param("error") String error);

    int addAttempt(@Param("id") long id);

    Operation findById(@Param("id") long id);

    List<Operation> findByState(@Param("state") OperationState state);

    List<Operation> findRecent(@Param("limit") int limit);

    List<Operation> findRecentOn(@Param("containerId") long containerId, @Param("limit") int limit);
}
