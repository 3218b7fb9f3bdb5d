package dev.ferry.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Tracking numbers shaped like each carrier's: UPS "1Z…", USPS "9400…", FedEx 12 digits, DHL 10 digits. */
final class TrackingNumbers {

    private TrackingNumbers() {
    }

    /** The tracks of one shipment: usually one, sometimes two parcels, now and then none entered. */
    static List<Shipping.Track> draw(SplittableRandom random) {
        int draw = random.nextInt(100);
        int count = draw < 5 ? 0 : draw < 90 ? 1 : 2;
        List<Shipping.Track> tracks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tracks.add(one(random));
        }
        return tracks;
    }

    private static Shipping.Track one(SplittableRandom random) {
        int carrier = random.nextInt(100);
        if (carrier < 40) {
            return new Shipping.Track("ups", "1Z" + characters(random, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ", 6)
                    + characters(random, "0123456789", 10));
        }
        if (carrier < 65) {
            return new Shipping.Track("usps", "9400" + characters(random, "0123456789", 18));
        }
        if (carrier < 85) {
            return new Shipping.Track("fedex", characters(random, "0123456789", 12));
        }
        return new Shipping.Track("dhl", characters(random, "0123456789", 10));
    }

    private static String characters(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
