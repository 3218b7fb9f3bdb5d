package dev.ferry.core.config;

import dev.ferry.core.testing.ProjectDocs;
import org.junit.jupiter.api.Test;

class ConfigurationDocTest {

    @Test
    void configurationReferenceListsEveryKeyAsDeclared() {
        ProjectDocs.assertGeneratedSectionIsCurrent("docs/configuration.md", ConfigurationDoc::refresh);
    }
}
