module antfleet.io/ant-standin

go 1.19
