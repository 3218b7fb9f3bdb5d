package dev.ferry.sample;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Invented but plausible shoppers for the sample's countries: names, streets, cities with their postcodes and
 * (in the US) Magento's region ids, and telephone numbers from ranges reserved for fiction.
 */
final class People {

    private record City(String city, String region, Integer regionId, String postcode, String dialPrefix) {
    }

    private record Country(List<String> firstnames, List<String> lastnames, List<String> streets, List<City> cities) {
    }

    private static final Map<String, Country> COUNTRIES = Map.of(
            "US", new Country(
                    List.of("Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan",
                            "Harper", "Mason"),
                    List.of("Johnson", "Garcia", "Miller", "Davis", "Martinez", "Wilson", "Anderson", "Taylor",
                            "Thomas", "Moore", "Jackson", "Lee"),
                    List.of("Congress Ave", "Market St", "Bedford Ave", "Lake Shore Dr", "Pike St", "Ocean Dr",
                            "Elm St", "Maple Ave"),
                    List.of(new City("Austin", "Texas", 57, "78701", "+1 512-555-01"),
                            new City("San Francisco", "California", 12, "94103", "+1 415-555-01"),
                            new City("Brooklyn", "New York", 43, "11211", "+1 718-555-01"),
                            new City("Chicago", "Illinois", 23, "60611", "+1 312-555-01"),
                            new City("Seattle", "Washington", 62, "98101", "+1 206-555-01"),
                            new City("Miami", "Florida", 18, "33139", "+1 305-555-01"))),
            "FR", new Country(
                    List.of("Camille", "Louis", "Léa", "Hugo", "Chloé", "Jules", "Manon", "Arthur", "Inès", "Gabriel"),
                    List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
                            "Lefèvre", "Moreau"),
                    List.of("rue de la Roquette", "avenue Jean Jaurès", "rue Sainte-Catherine", "boulevard Vauban",
                            "rue de la République", "quai des Chartrons"),
                    List.of(new City("Paris", null, null, "75011", "+33 1 99 00 "),
                            new City("Lyon", null, null, "69002", "+33 4 99 00 "),
                            new City("Marseille", null, null, "13001", "+33 4 99 01 "),
                            new City("Bordeaux", null, null, "33000", "+33 5 99 00 "),
                            new City("Lille", null, null, "59800", "+33 3 99 00 "))),
            "DE", new Country(
                    List.of("Mia", "Ben", "Emilia", "Paul", "Hannah", "Leon", "Lina", "Finn", "Marie", "Jonas"),
                    List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
                            "Schulz", "Hoffmann"),
                    List.of("Torstraße", "Leopoldstraße", "Schanzenstraße", "Ehrenstraße", "Berger Straße"),
                    List.of(new City("Berlin", null, null, "10115", "+49 30 5555 "),
                            new City("München", null, null, "80331", "+49 89 5555 "),
                            new City("Hamburg", null, null, "20095", "+49 40 5555 "),
                            new City("Köln", null, null, "50667", "+49 221 5555 "),
                            new City("Frankfurt am Main", null, null, "60311", "+49 69 5555 "))));

    private People() {
    }

    /** A new shopper living in the country. */
    static PostalAddress someone(SplittableRandom random, String countryId) {
        Country country = country(countryId);
        return addressFor(random, countryId, pick(random, country.firstnames()), pick(random, country.lastnames()));
    }

    /** An address in the country for a shopper whose name is known. */
    static PostalAddress addressFor(SplittableRandom random, String countryId, String firstname, String lastname) {
        Country country = country(countryId);
        City city = pick(random, country.cities());
        int number = 1 + random.nextInt(240);
        String streetName = pick(random, country.streets());
        String street = countryId.equals("DE") ? streetName + " " + number : number + " " + streetName;
        String telephone = city.dialPrefix() + String.format("%02d", random.nextInt(100));
        return new PostalAddress(firstname, lastname, street, city.city(), city.region(), city.regionId(),
                city.postcode(), countryId, telephone);
    }

    /** An e-mail address on a domain reserved for examples, made unique by {@code number}. */
    static String email(String firstname, String lastname, long number, String domain) {
        return (ascii(firstname) + "." + ascii(lastname) + number + "@" + domain).toLowerCase(Locale.ROOT);
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replace("ß", "ss")
                .replaceAll("[^A-Za-z]", "");
    }

    private static Country country(String countryId) {
        Country country = COUNTRIES.get(countryId);
        if (country == null) {
            throw new IllegalArgumentException("The sample has no shoppers in " + countryId);
        }
        return country;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
