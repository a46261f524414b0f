package io.antfleet.store;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** SQL in LeaseMapper.xml. Every statement is one conditional write, atomic on its own. */
interface LeaseMapper {
    int take(@Param("name") String name, @Param("holder") String holder, @Param("now") Instant now,
            @Param("expiresAt") Instant expiresAt);

    int takeOver(@Param("name") String name, @Param("stale") String stale, @Param("holder") String holder,
            @Param("now") Instant now, @Param("expiresAt") Instant expiresAt);

    int insert(@Param("name") String name, @Param("holder") String holder, @Param("now") Instant now,
            @Param("expiresAt") Instant expiresAt);

    int renew(@Param("name") String name, @Param("holder") String holder, @Param("expiresAt") Instant expiresAt);

    int release(@Param("name") String name, @Param("holder") String holder, @Param("now") Instant now);

    /** The database server's clock in UTC, at microseconds: {@code h2} picks H2's spelling of it. */
    Instant databaseNow(@Param("h2") boolean h2);

    LeaseHolder find(@Param("name") String name, @Param("now") Instant now);
}
