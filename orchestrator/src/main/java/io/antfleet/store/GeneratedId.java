package io.antfleet.store;

/** Receives the key an INSERT generated: the fleet records are immutable, so MyBatis cannot set it on them. */
final class GeneratedId {
    private Long id;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    long value() {
        if (id == null) {
            throw new StoreException("the database returned no generated key");
        }
        return id;
    }
}
