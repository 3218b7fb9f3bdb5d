package dev.ferry.aep.batch;

import dev.ferry.core.xdm.Xdm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AepBatchStatusTest {

    @Test
    void readsTheStatusAndErrorsOfTheBatchCatalogKeysByItsId() throws Exception {
        AepBatchStatus status = AepBatchStatus.fromCatalog("B1", Xdm.JSON.readTree("""
                {"B1":{"id":"B1","status":"failed","errors":[
                  {"code":"INGEST-1211-400","description":"Encountered errors","recordCount":2,"rows":[2,5]},
                  {"code":"INGEST-1555-400","description":"A required field is missing","recordCount":1,"rows":[5]}]}}
                """));

        assertThat(status.failed()).isTrue();
        assertThat(status.isFinal()).isTrue();
        assertThat(status.errorCodes()).containsExactly("INGEST-1211-400", "INGEST-1555-400");
        assertThat(status.errors().get(0).rows()).containsExactly(2L, 5L);
        assertThat(status.errors().get(1).reason()).isEqualTo("INGEST-1555-400: A required field is missing");
    }

    @Test
    void onlySuccessFailedAndGivenUpStatusesAreFinal() throws Exception {
        assertThat(status("loading").isFinal()).isFalse();
        assertThat(status("processing").isFinal()).isFalse();
        assertThat(status("success").succeeded()).isTrue();
        assertThat(status("active").succeeded()).isTrue();
        assertThat(status("aborted").givenUp()).isTrue();
        assertThat(status("abandoned").givenUp()).isTrue();
    }

    private static AepBatchStatus status(String value) throws Exception {
        return AepBatchStatus.fromCatalog("B", Xdm.JSON.readTree("{\"B\":{\"status\":\"" + value + "\"}}"));
    }
}
