package io.antfleet.store;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in MachineMapper.xml. */
interface MachineMapper {
    List<Setting> findAll();

    String find(@Param("name") String name);

    int update(@Param("name") String name, @Param("value") String value, @Param("at") Instant at);

    int insert(@Param("name") String name, @Param("value") String value, @Param("at") Instant at);

    /** One row of the machine table. */
    record Setting(String name, String value) {
    }
}
