package io.antfleet.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in HostMapper.xml. */
interface HostMapper {
    void insert(@Param("row") HostRow row, @Param("key") GeneratedId key);

    int updateByName(@Param("row") HostRow row);

    HostRow findByName(@Param("name") String name);

    List<HostRow> findAll();
}
