package inventory;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.junit.Test;

public class SkuTest {
    @Test
    public void normalisesCase() {
        assertEquals("ABC-1234", Sku.of(" abc-1234 ").code());
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsShortCodes() {
        Sku.of("AB-12");
    }

    @Test
    public void equalCodesAreEqual() {
        assertEquals(Sku.of("XYZ-0001"), Sku.of("xyz-0001"));
        assertNotEquals(Sku.of("XYZ-0001"), Sku.of("XYZ-0002"));
    }
}
