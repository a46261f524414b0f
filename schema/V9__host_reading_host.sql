-- antfleet store, version 9: the host of each host reading. A fleet spread over several Docker engines records one
-- row per host per run cycle (a remote host's figures come from antfleet-probe in its containers); rows from
-- before this migration, and every row of a one-host fleet, belong to the local host.
-- Common subset of MariaDB 10.11 and H2 2.x (MODE=MariaDB).
ALTER TABLE host_reading ADD COLUMN host_name VARCHAR(63) NOT NULL DEFAULT 'local';
CREATE INDEX host_reading_host_time ON host_reading (host_name, read_at);
