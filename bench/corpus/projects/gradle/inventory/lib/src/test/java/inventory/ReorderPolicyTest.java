package inventory;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ReorderPolicyTest {
    private final ReorderPolicy policy = new ReorderPolicy(20, 100, 12);

    @Test
    public void reordersBelowThePoint() {
        assertTrue(policy.needsReorder(19));
        assertFalse(policy.needsReorder(20));
    }

    @Test
    public void ordersWholeCasesUpToTheTarget() {
        assertEquals(84, policy.orderQuantity(19));
    }

    @Test
    public void ordersNothingAboveThePoint() {
        assertEquals(0, policy.orderQuantity(50));
    }

    @Test
    public void emptyStockOrdersTheFullTarget() {
        assertEquals(108, policy.orderQuantity(0));
    }
}
