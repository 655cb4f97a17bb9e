package io.roster.users;

/** The first platform operator as typed on the setup page; {@code locale} is "en" or "fr". */
public record NewOperator(String email, String firstName, String lastName, String password, String locale) {

    @Override
    public String toString() {
        return "NewOperator[" + email + "]"; // never the password
    }
}
