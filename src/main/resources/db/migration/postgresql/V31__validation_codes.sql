-- Issue 15: validation results are stored as codes with parameters (users.ValidationResult), worded
-- when shown, in the reader's language. This rewrites the English results written before, where
-- the words are recognised; any other text stays as it is and is shown as is. Problems were joined
-- by '; ', which the codes' format reads as its own separator.
UPDATE accounts SET validation_result = REPLACE(validation_result, 'User ID is missing', 'USER_ID_MISSING')
    WHERE validation_result LIKE '%User ID is missing%';
UPDATE accounts SET validation_result = REPLACE(validation_result, 'User ID already taken', 'USER_ID_TAKEN')
    WHERE validation_result LIKE '%User ID already taken%';
UPDATE accounts SET validation_result = REPLACE(validation_result, 'User ID or email already taken', 'USER_ID_OR_EMAIL_TAKEN')
    WHERE validation_result LIKE '%User ID or email already taken%';
UPDATE accounts SET validation_result = REPLACE(validation_result, 'First name is missing', 'FIRST_NAME_MISSING')
    WHERE validation_result LIKE '%First name is missing%';
UPDATE accounts SET validation_result = REPLACE(validation_result, 'Last name is missing', 'LAST_NAME_MISSING')
    WHERE validation_result LIKE '%Last name is missing%';
UPDATE accounts SET validation_result = REPLACE(validation_result, 'Email is missing', 'EMAIL_MISSING')
    WHERE validation_result LIKE '%Email is missing%';
UPDATE accounts SET validation_result = REPLACE(validation_result, 'Email is invalid', 'EMAIL_INVALID')
    WHERE validation_result LIKE '%Email is invalid%';
UPDATE accounts SET validation_result = REPLACE(validation_result, 'Email already in use by another account', 'EMAIL_TAKEN')
    WHERE validation_result LIKE '%Email already in use by another account%';
UPDATE accounts SET validation_result = REPLACE(validation_result,
        'Password is too common: choose one that is harder to guess', 'PASSWORD_TOO_COMMON')
    WHERE validation_result LIKE '%Password is too common%';
-- Results with figures or names, rewritten by pattern (the pattern syntax of each database).
UPDATE accounts SET validation_result = regexp_replace(validation_result, 'User ID is invalid: use 3 to 64 characters among [^;]*', 'USER_ID_INVALID', 'g')
    WHERE validation_result LIKE '%User ID is invalid: use 3 to 64 characters among %';
UPDATE accounts SET validation_result = regexp_replace(validation_result, 'No license available: ([0-9]+) of ([0-9]+) in use\. Add licenses in Plan & billing\.', 'NO_LICENSE:used=\1,purchased=\2', 'g')
    WHERE validation_result LIKE '%No license available: %';
UPDATE accounts SET validation_result = regexp_replace(validation_result, 'Password is too short: use at least ([0-9]+) characters', 'PASSWORD_TOO_SHORT:min=\1', 'g')
    WHERE validation_result LIKE '%Password is too short: use at least %';
UPDATE accounts SET validation_result = regexp_replace(validation_result, 'Password is too long: use at most ([0-9]+) characters', 'PASSWORD_TOO_LONG:max=\1', 'g')
    WHERE validation_result LIKE '%Password is too long: use at most %';
UPDATE accounts SET validation_result = regexp_replace(validation_result, 'Role ''([A-Za-z0-9_. -]+)'' does not exist in this company', 'ROLE_UNKNOWN:role=\1', 'g')
    WHERE validation_result LIKE '%Role ''%';
UPDATE accounts SET validation_result = regexp_replace(validation_result, 'Status ''([A-Za-z0-9_ -]*)'' cannot be imported: use ACTIVE or DRAFT \(empty means DRAFT\)', 'STATUS_NOT_IMPORTABLE:status=\1', 'g')
    WHERE validation_result LIKE '%Status ''%';
UPDATE accounts SET validation_result = regexp_replace(validation_result, 'The row has ([0-9]+) cells but the header names ([0-9]+) columns: put a cell that contains '','' between double quotes', 'TOO_MANY_CELLS:cells=\1,columns=\2,separator=%2C', 'g')
    WHERE validation_result LIKE '%The row has %';
UPDATE accounts SET validation_result = regexp_replace(validation_result, 'The row has ([0-9]+) cells but the header names ([0-9]+) columns: put a cell that contains '';'' between double quotes', 'TOO_MANY_CELLS:cells=\1,columns=\2,separator=%3B', 'g')
    WHERE validation_result LIKE '%The row has %';
