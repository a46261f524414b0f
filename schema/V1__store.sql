-- antfleet store, version 1. The only DDL in the project (see README "Database").
-- Written in the common subset of MariaDB 10.11 and H2 2.x in MODE=MariaDB: no vendor-specific
-- statements, so one set of migrations serves both. All times are UTC, to the microsecond.

-- Fleet-wide settings under wnm's names (wnm-reference.md), one row per setting. Key/value rather
-- than one wide row because these settings are read as one more key=value source in the settings
-- chain (command line > environment > config file > database > defaults), under the same names the
-- config file uses; a NULL value means "not set here". desired_load_average and
-- max_load_average_allowed depend on the host's cores (x 0.6 and x 1), so they start unset.
CREATE TABLE machine (
    setting_name  VARCHAR(64)   NOT NULL PRIMARY KEY,
    setting_value VARCHAR(2000) NULL,
    updated_at    DATETIME(6)   NULL
);

INSERT INTO machine (setting_name, setting_value) VALUES
    ('node_cap', '20'),
    ('cpu_less_than', '50'),
    ('cpu_remove', '70'),
    ('mem_less_than', '60'),
    ('mem_remove', '75'),
    ('hd_less_than', '75'),
    ('hd_remove', '90'),
    ('desired_load_average', NULL),
    ('max_load_average_allowed', NULL),
    ('hdio_read_less_than', '0'),
    ('hdio_read_remove', '0'),
    ('hdio_write_less_than', '0'),
    ('hdio_write_remove', '0'),
    ('netio_read_less_than', '0'),
    ('netio_read_remove', '0'),
    ('netio_write_less_than', '0'),
    ('netio_write_remove', '0'),
    ('delay_start', '300'),
    ('delay_upgrade', '300'),
    ('delay_remove', '300'),
    ('delay_restart', '600'),
    ('max_concurrent_upgrades', '1'),
    ('max_concurrent_starts', '1'),
    ('max_concurrent_removals', '1'),
    ('max_concurrent_operations', '1'),
    ('port_start', '55'),
    ('metrics_port_start', '13'),
    ('rpc_port_start', '30'),
    ('process_manager', NULL),
    ('rewards_address', NULL),
    ('donate_address', NULL),
    ('no_upnp', NULL),
    ('antnode_path', NULL),
    ('antctl_path', NULL),
    ('antctl_version', NULL),
    ('environment', NULL),
    ('start_args', NULL),
    ('dry_run', NULL),
    ('survey_delay', NULL),
    ('action_delay', NULL),
    ('node_removal_strategy', 'youngest'),
    -- How long node_reading keeps its history; older rows are pruned.
    ('reading_retention_days', '7');

-- An agent container antfleet drives. Port blocks are inclusive ranges; all six are NULL when the
-- block of an imported container is unknown.
CREATE TABLE container (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    docker_id          VARCHAR(64)  NULL,
    name               VARCHAR(128) NOT NULL,
    image              VARCHAR(255) NULL,
    status             VARCHAR(32)  NULL,
    network_mode       VARCHAR(64)  NULL,
    process_manager    VARCHAR(16)  NOT NULL,
    node_port_first    INT          NULL,
    node_port_last     INT          NULL,
    metrics_port_first INT          NULL,
    metrics_port_last  INT          NULL,
    rpc_port_first     INT          NULL,
    rpc_port_last      INT          NULL,
    created_at         DATETIME(6)  NULL,
    updated_at         DATETIME(6)  NULL,
    CONSTRAINT container_docker_id_unique UNIQUE (docker_id),
    CONSTRAINT container_name_unique UNIQUE (name),
    CONSTRAINT container_process_manager_check CHECK (process_manager IN ('antctl+user', 'antctl+sudo'))
);

-- One antnode service. antctl numbers services per container and never reuses a number until a
-- reset, so identity is (container, service), not the number. container_id is NULL for antctl on the
-- host; container_key folds that NULL to 0 so the unique key covers host nodes too (a UNIQUE index
-- lets any number of NULLs through). The reading columns hold the latest sweep; rewards is exact
-- decimal text.
CREATE TABLE node (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    container_id           BIGINT        NULL,
    container_key          BIGINT        GENERATED ALWAYS AS (COALESCE(container_id, 0)),
    service                VARCHAR(32)   NOT NULL,
    number                 INT           NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    node_port              INT           NULL,
    metrics_port           INT           NULL,
    rpc_port               INT           NULL,
    data_dir               VARCHAR(1024) NULL,
    log_dir                VARCHAR(1024) NULL,
    binary_path            VARCHAR(1024) NULL,
    version                VARCHAR(64)   NULL,
    peer_id                VARCHAR(128)  NULL,
    wallet                 VARCHAR(64)   NULL,
    read_at                DATETIME(6)   NULL,
    read_peer_id           VARCHAR(128)  NULL,
    read_version           VARCHAR(64)   NULL,
    uptime_seconds         BIGINT        NULL,
    records                BIGINT        NULL,
    relevant_records       BIGINT        NULL,
    max_records            BIGINT        NULL,
    connected_peers        BIGINT        NULL,
    puts                   BIGINT        NULL,
    rewards                VARCHAR(100)  NULL,
    payment_count          BIGINT        NULL,
    shunned                BIGINT        NULL,
    bad_peers              BIGINT        NULL,
    memory_mb              DOUBLE        NULL,
    cpu_percent            DOUBLE        NULL,
    open_connections       BIGINT        NULL,
    routing_table_peers    BIGINT        NULL,
    live_time              BIGINT        NULL,
    estimated_network_size BIGINT        NULL,
    created_at             DATETIME(6)   NULL,
    status_changed_at      DATETIME(6)   NULL,
    CONSTRAINT node_container_service_unique UNIQUE (container_key, service),
    CONSTRAINT node_container_fk FOREIGN KEY (container_id) REFERENCES container (id) ON DELETE CASCADE,
    CONSTRAINT node_status_check CHECK (status IN
        ('RUNNING', 'STOPPED', 'UPGRADING', 'RESTARTING', 'REMOVING', 'DISABLED', 'DEAD', 'UNKNOWN'))
);

CREATE INDEX node_container_number ON node (container_id, number);

-- Every sweep's readings, kept for reading_retention_days. No foreign key to container: the history
-- goes with its node.
CREATE TABLE node_reading (
    id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    node_id                BIGINT       NOT NULL,
    read_at                DATETIME(6)  NOT NULL,
    peer_id                VARCHAR(128) NULL,
    version                VARCHAR(64)  NULL,
    uptime_seconds         BIGINT       NULL,
    records                BIGINT       NULL,
    relevant_records       BIGINT       NULL,
    max_records            BIGINT       NULL,
    connected_peers        BIGINT       NULL,
    puts                   BIGINT       NULL,
    rewards                VARCHAR(100) NULL,
    payment_count          BIGINT       NULL,
    shunned                BIGINT       NULL,
    bad_peers              BIGINT       NULL,
    memory_mb              DOUBLE       NULL,
    cpu_percent            DOUBLE       NULL,
    open_connections       BIGINT       NULL,
    routing_table_peers    BIGINT       NULL,
    live_time              BIGINT       NULL,
    estimated_network_size BIGINT       NULL,
    CONSTRAINT node_reading_node_fk FOREIGN KEY (node_id) REFERENCES node (id) ON DELETE CASCADE
);

CREATE INDEX node_reading_node_time ON node_reading (node_id, read_at);
CREATE INDEX node_reading_time ON node_reading (read_at);

-- The journal: every state change is begun here before it runs; a crash leaves it PENDING for
-- reconciliation. No foreign key on container_id: the journal outlives the containers it names.
-- services is a comma-separated list of antctl service names.
CREATE TABLE operation (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    intent       VARCHAR(64) NOT NULL,
    container_id BIGINT      NULL,
    services     TEXT        NULL,
    state        VARCHAR(16) NOT NULL,
    attempts     INT         NOT NULL,
    started_at   DATETIME(6) NULL,
    finished_at  DATETIME(6) NULL,
    error        TEXT        NULL,
    CONSTRAINT operation_state_check CHECK (state IN ('PENDING', 'DONE', 'FAILED'))
);

CREATE INDEX operation_state_started ON operation (state, id);

-- Who may act on this database: one row per lease name, taken with a conditional UPDATE
-- (holder = me OR expired), so a killed holder blocks nobody beyond expires_at.
CREATE TABLE lease (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(255) NULL,
    acquired_at DATETIME(6)  NULL,
    expires_at  DATETIME(6)  NOT NULL
);
