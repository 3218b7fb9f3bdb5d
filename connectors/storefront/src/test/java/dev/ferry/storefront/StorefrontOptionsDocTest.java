package dev.ferry.storefront;

import dev.ferry.core.docs.ComponentOptionsDoc;
import dev.ferry.core.testing.ProjectDocs;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/connectors/storefront.md} in step with the options as declared; run with
 * {@code -Dferry.docs.update=true} to write the fresh table into the document.
 */
class StorefrontOptionsDocTest {

    @Test
    void theOptionsReferenceMatchesTheDeclaredOptions() {
        ProjectDocs.assertGeneratedSectionIsCurrent("docs/connectors/storefront.md",
                document -> ComponentOptionsDoc.refresh(document, StorefrontComponent.class, StorefrontEndpoint.class));
    }
}
