package dev.ferry.audiences;

import dev.ferry.core.docs.ComponentOptionsDoc;
import dev.ferry.core.testing.ProjectDocs;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/connectors/audiences.md} in step with the options as declared; run with
 * {@code -Dferry.docs.update=true} to write the fresh table into the document.
 */
class CommerceAudiencesOptionsDocTest {

    @Test
    void theOptionsReferenceMatchesTheDeclaredOptions() {
        ProjectDocs.assertGeneratedSectionIsCurrent("docs/connectors/audiences.md",
                doc -> ComponentOptionsDoc.refresh(doc, CommerceAudiencesComponent.class,
                        CommerceAudiencesEndpoint.class));
    }
}
