package org.omnilux.scanner.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Property type instances built as Declarative Services builds them. */
class TestConfigurationsTest {

    enum Mode { FAST, SAFE }

    @interface Config {
        String[] extensions() default {"a", "b"};

        int timeoutSeconds() default 30;

        boolean covers() default true;

        Mode mode() default Mode.SAFE;

        String bsdtar_path() default "bsdtar";

        long noDefault();
    }

    @Test
    void missingPropertiesTakeTheirDefaults() {
        Config config = TestConfigurations.defaults(Config.class);

        assertArrayEquals(new String[] {"a", "b"}, config.extensions());
        assertEquals(30, config.timeoutSeconds());
        assertEquals(true, config.covers());
        assertEquals(Mode.SAFE, config.mode());
        assertEquals("bsdtar", config.bsdtar_path());
        assertEquals(0L, config.noDefault());
        assertEquals(Config.class, ((java.lang.annotation.Annotation) config).annotationType());
    }

    @Test
    void cfgStringsAreConvertedAndScalarsAndArraysMeet() {
        Config config = TestConfigurations.of(Config.class, Map.of("extensions", "mkv, mp4", "timeoutSeconds", " 5 ",
                "covers", "false", "mode", "FAST", "bsdtar.path", "/usr/bin/bsdtar", "noDefault", List.of(7, 8)));

        assertArrayEquals(new String[] {"mkv, mp4"}, config.extensions(), "a scalar is a one-element array");
        assertEquals(5, config.timeoutSeconds());
        assertFalse(config.covers());
        assertEquals(Mode.FAST, config.mode());
        assertEquals("/usr/bin/bsdtar", config.bsdtar_path(), "'_' in the element name is '.' in the property");
        assertEquals(7L, config.noDefault(), "an array gives its first element to a scalar");
    }

    @Test
    void namesMapAsInDeclarativeServices() {
        assertEquals("a.b", TestConfigurations.propertyName("a_b"));
        assertEquals("a_b", TestConfigurations.propertyName("a__b"));
        assertEquals("a-b", TestConfigurations.propertyName("a$_$b"));
        assertEquals("a$b", TestConfigurations.propertyName("a$$b"));
        assertEquals("ab", TestConfigurations.propertyName("a$b"));
    }

    @Test
    void aValueThatIsNoNumberIsRefused() {
        Config config = TestConfigurations.of(Config.class, Map.of("timeoutSeconds", "soon"));

        assertThrows(IllegalArgumentException.class, config::timeoutSeconds);
    }
}
