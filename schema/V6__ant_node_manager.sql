-- Autonomi v2: a container's nodes may be owned by the `ant node` daemon (ant-v2-contract.md) rather
-- than antctl. Its services are node<N>; the node table needs no change (service is free text).
ALTER TABLE container DROP CONSTRAINT container_process_manager_check;
ALTER TABLE container ADD CONSTRAINT container_process_manager_check
    CHECK (process_manager IN ('antctl+user', 'antctl+sudo', 'ant'));
