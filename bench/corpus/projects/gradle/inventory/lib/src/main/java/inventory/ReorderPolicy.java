package inventory;

/** When and how much to reorder: below the reorder point, order up to the target level in whole cases. */
public final class ReorderPolicy {
    private final int reorderPoint;
    private final int targetLevel;
    private final int caseSize;

    public ReorderPolicy(int reorderPoint, int targetLevel, int caseSize) {
        if (targetLevel <= reorderPoint) {
            throw new IllegalArgumentException("target level must exceed the reorder point");
        }
        this.reorderPoint = reorderPoint;
        this.targetLevel = targetLevel;
        this.caseSize = caseSize;
    }

    public boolean needsReorder(int available) {
        return available < reorderPoint;
    }

    public int orderQuantity(int available) {
        if (!needsReorder(available)) {
            return 0;
        }
        int missing = targetLevel - available;
        return (missing + caseSize - 1) / caseSize * caseSize;
    }

    /** @deprecated use {@link #orderQuantity(int)}; kept for the old failover importer. */
    @Deprecated
    public int failoverQuantity(int available) {
        return orderQuantity(available);
    }
}
