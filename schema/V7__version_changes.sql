-- antfleet store, version 7: a node's version change that no antfleet operation caused (antnode's self-upgrade)
-- is looked up per container: the journal's latest entries on a container, and the SELF_UPGRADE decisions
-- `status` shows. Common subset of MariaDB 10.11 and H2 2.x (MODE=MariaDB).
CREATE INDEX operation_container ON operation (container_id, id);
CREATE INDEX run_decision_action_container ON run_decision (action, container, id);
