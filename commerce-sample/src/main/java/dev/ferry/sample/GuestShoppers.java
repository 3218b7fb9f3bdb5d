package dev.ferry.sample;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The guests of the sample: a pool of about one guest per three orders, so some guests come back with the same
 * e-mail address. Each guest is drawn from its own random source, so the guest behind a pool slot is the same
 * whenever it is picked.
 */
final class GuestShoppers {

    record Guest(StoreView store, String email, PostalAddress address) {
    }

    private final long seed;
    private final Stores stores;
    private final int poolSize;
    private final Map<Integer, Guest> known = new HashMap<>();

    GuestShoppers(long seed, Stores stores, int orders) {
        this.seed = seed;
        this.stores = stores;
        this.poolSize = Math.max(1, orders / 3);
    }

    Guest pick(SplittableRandom random) {
        return known.computeIfAbsent(random.nextInt(poolSize), this::guest);
    }

    private Guest guest(int slot) {
        SplittableRandom own = new SplittableRandom(seed * 1_000_003L + slot);
        StoreView store = stores.pick(own);
        PostalAddress address = People.someone(own, store.countryId());
        return new Guest(store, People.email(address.firstname(), address.lastname(), slot, "example.org"), address);
    }
}
