package io.antfleet.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in ContainerMapper.xml. */
interface ContainerMapper {
    void insert(@Param("row") ContainerRow row, @Param("key") GeneratedId key);

    int update(@Param("row") ContainerRow row);

    ContainerRow findById(@Param("id") long id);

    /** On {@code host}, or on every host when null (the local one first). */
    List<ContainerRow> findByName(@Param("host") String host, @Param("name") String name);

    List<ContainerRow> findByDockerId(@Param("host") String host, @Param("dockerId") String dockerId);

    List<ContainerRow> findAll();

    int delete(@Param("id") long id);
}
