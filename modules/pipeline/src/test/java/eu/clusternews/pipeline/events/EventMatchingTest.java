package eu.clusternews.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;

import eu.clusternews.avro.Location;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventMatchingTest {

    @Property(tries = 2_000)
    void aCityFoldsTheSameWhetherOrNotItTakesThePlainAsciiShortcut(@ForAll("cities") String city) {
        String folded = EventMatching.city(new Location(city, "DE"));

        if (city.isBlank()) {
            assertThat(folded).isNull();
        } else {
            assertThat(folded).isEqualTo(EventMatching.foldedFully(city.strip()));
        }
    }

    @Example
    void spellingsInOtherLanguagesAndCasesFoldToOneCity() {
        assertThat(EventMatching.city(new Location("Múnich", null))).isEqualTo("munich");
        assertThat(EventMatching.city(new Location(" MUNICH ", null))).isEqualTo("munich");
        assertThat(EventMatching.city(new Location("Berlín", null)))
                .isEqualTo(EventMatching.city(new Location("Berlin", null)));
        assertThat(EventMatching.city(new Location("Frankfurt,\tMain", null))).isEqualTo("frankfurt  main");
    }

    @Provide
    Arbitrary<String> cities() {
        return Arbitraries.strings()
                .withChars("aBzZ -,\t\néÉüßłØ\u0301İ")
                .withCharRange('A', 'z')
                .ofMaxLength(12);
    }
}
