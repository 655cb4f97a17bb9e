-- Device cookies (sign-in lockout without denial of service): the console gives a browser that
-- signed in a cookie naming the account, signed with this key. Every node must check the others'
-- cookies, so the key lives here: one row, made by the first node that needs it.
CREATE TABLE device_cookie_keys (
    id          INTEGER      NOT NULL PRIMARY KEY,
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
