-- antfleet store, version 4: the host's resources and the fleet's node counts, one row per cycle of
-- `antfleet run`, so that the dashboard (`antfleet serve`) can chart them over time. Kept, like
-- node_reading, for reading_retention_days. Common subset of MariaDB 10.11 and H2 2.x (MODE=MariaDB).
CREATE TABLE host_reading (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    read_at       DATETIME(6) NOT NULL,
    cpu_percent   DOUBLE      NOT NULL,
    mem_percent   DOUBLE      NOT NULL,
    disk_percent  DOUBLE      NOT NULL,
    load1         DOUBLE      NOT NULL,
    load5         DOUBLE      NOT NULL,
    load15        DOUBLE      NOT NULL,
    nodes_running INT         NOT NULL,
    nodes_stopped INT         NOT NULL,
    nodes_other   INT         NOT NULL
);

CREATE INDEX host_reading_time ON host_reading (read_at);
