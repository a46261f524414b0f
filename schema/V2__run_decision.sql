-- antfleet store, version 2: what `antfleet run` decided, one row per decision of a cycle, with its
-- reason and what came of it. The actions themselves are also in the operation journal (one row per
-- antctl change); this table holds the why. Common subset of MariaDB 10.11 and H2 2.x (MODE=MariaDB).
CREATE TABLE run_decision (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    decided_at  DATETIME(6)   NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    container   VARCHAR(128)  NULL,
    services    VARCHAR(2000) NULL,
    node_count  INT           NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    -- DONE, FAILED, or NOT_RUN (SURVEY and NONE, which change nothing)
    outcome     VARCHAR(16)   NOT NULL,
    error       VARCHAR(2000) NULL,
    CONSTRAINT run_decision_outcome_check CHECK (outcome IN ('DONE', 'FAILED', 'NOT_RUN'))
);

CREATE INDEX run_decision_decided_at ON run_decision (decided_at);
