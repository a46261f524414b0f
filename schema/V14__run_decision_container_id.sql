-- antfleet store, version 14: the container row a decision is about. Docker names are unique per host only (V5), so
-- a node's self-upgrades (SELF_UPGRADE, shown by `status`) are looked up by the row, never by the name, which two
-- hosts may share. Rows written before this migration get the id of the one container of their name; a name two
-- hosts share stays NULL (which host's it was is not known). No foreign key: like the journal, the log outlives
-- the containers it names. Common subset of MariaDB 10.11 and H2 2.x (MODE=MariaDB).
ALTER TABLE run_decision ADD COLUMN container_id BIGINT NULL;
UPDATE run_decision SET container_id = (SELECT c.id FROM container c WHERE c.name = run_decision.container)
    WHERE container IS NOT NULL AND (SELECT COUNT(*) FROM container c WHERE c.name = run_decision.container) = 1;
DROP INDEX run_decision_action_container ON run_decision;
CREATE INDEX run_decision_action_container_id ON run_decision (action, container_id, id);
