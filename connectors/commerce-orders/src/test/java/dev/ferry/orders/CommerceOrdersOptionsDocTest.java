package dev.ferry.orders;

import dev.ferry.core.docs.ComponentOptionsDoc;
import dev.ferry.core.testing.ProjectDocs;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/connectors/commerce-orders.md} in step with the options as declared; run with
 * {@code -Dferry.docs.update=true} to write the fresh table into the document.
 */
class CommerceOrdersOptionsDocTest {

    @Test
    void theOptionsReferenceMatchesTheDeclaredOptions() {
        ProjectDocs.assertGeneratedSectionIsCurrent("docs/connectors/commerce-orders.md",
                doc -> ComponentOptionsDoc.refresh(doc, CommerceOrdersComponent.class, CommerceOrdersEndpoint.class));
    }
}
