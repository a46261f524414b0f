module antfleet.io/antctl-standin

go 1.19
