-- Runs once, on the first start of an empty data volume (the postgres image's initdb hook),
-- as POSTGRES_USER, which therefore owns both databases. One database per service.
CREATE DATABASE cards_auth;
CREATE DATABASE cards_cards;
