package dev.ferry.history;

import dev.ferry.core.docs.ComponentOptionsDoc;
import dev.ferry.core.testing.ProjectDocs;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/connectors/commerce-history.md} in step with the options as declared; run with
 * {@code -Dferry.docs.update=true} to write the fresh table into the document.
 */
class CommerceHistoryOptionsDocTest {

    @Test
    void theOptionsReferenceMatchesTheDeclaredOptions() {
        ProjectDocs.assertGeneratedSectionIsCurrent("docs/connectors/commerce-history.md",
                doc -> ComponentOptionsDoc.refresh(doc, CommerceHistoryComponent.class, CommerceHistoryEndpoint.class));
    }
}
