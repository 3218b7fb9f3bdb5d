package dev.ferry.audiences.lookup;

import dev.ferry.core.audience.ShopperIdentity;
import java.util.List;

/** Asks AEP which audiences an identity has realized (e.g. Edge {@code activation:pull}); ids in reply. */
@FunctionalInterface
public interface MembershipPull {

    List<String> realizedAudienceIds(ShopperIdentity identity) throws Exception;
}
