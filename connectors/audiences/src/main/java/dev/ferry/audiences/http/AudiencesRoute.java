package dev.ferry.audiences.http;

import dev.ferry.audiences.store.MembershipUpdate;
import java.util.List;

/** Runs the consumer's route with the membership updates a destination push stored. */
@FunctionalInterface
public interface AudiencesRoute {

    void stored(List<MembershipUpdate> updates) throws Exception;
}
