-- antfleet store, version 5: the Docker engines a fleet runs on. A container belongs to one host and is
-- unique per (host, Docker name) and per (host, Docker id): two engines may each run a "home-alpha".
-- Only the paths of a host's TLS files are kept, never key material. Every container that existed
-- before this migration ran on the local engine, host 'local' (id 1, endpoint NULL = DOCKER_HOST).
-- Common subset of MariaDB 10.11 and H2 2.x (MODE=MariaDB).
CREATE TABLE host (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(63)   NOT NULL,
    endpoint     VARCHAR(1024) NULL,
    ca_cert_path VARCHAR(1024) NULL,
    cert_path    VARCHAR(1024) NULL,
    key_path     VARCHAR(1024) NULL,
    updated_at   DATETIME(6)   NULL,
    CONSTRAINT host_name_unique UNIQUE (name)
);

-- An explicit id, because a Galera cluster's auto_increment_offset may not start at 1.
INSERT INTO host (id, name, endpoint) VALUES (1, 'local', NULL);

ALTER TABLE container ADD COLUMN host_id BIGINT NOT NULL DEFAULT 1;
ALTER TABLE container ADD CONSTRAINT container_host_fk FOREIGN KEY (host_id) REFERENCES host (id);
ALTER TABLE container DROP CONSTRAINT container_name_unique;
ALTER TABLE container DROP CONSTRAINT container_docker_id_unique;
ALTER TABLE container ADD CONSTRAINT container_host_name_unique UNIQUE (host_id, name);
ALTER TABLE container ADD CONSTRAINT container_host_docker_id_unique UNIQUE (host_id, docker_id);
