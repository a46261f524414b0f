package io.antfleet.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in ContainerMapper.xml. */
interface ContainerMapper {
    void insert(@Param("row") ContainerRow row, @Param("key") GeneratedId key);

    int update(@Param("row") ContainerRow row);

    ContainerRow findById(@Param("id") long id);

    ContainerRow findByName(@Param("name") String name);

    ContainerRow findByDockerId(@Param("dockerId") String dockerId);

    List<ContainerRow> findAll();

    int delete(@Param("id") long id);
}
