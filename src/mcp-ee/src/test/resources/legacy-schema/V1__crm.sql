-- The demo CRM: customers and articles. Runs unchanged on H2 (2.x) and PostgreSQL (15+).
CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE customer (
    id               BIGINT       NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    email            VARCHAR(254),
    phone            VARCHAR(40),
    ssn              VARCHAR(11),
    owner_name       VARCHAR(200) NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    last_modified_by VARCHAR(200)
);
CREATE INDEX customer_owner_idx ON customer (owner_name);
CREATE INDEX customer_name_idx ON customer (name);

CREATE SEQUENCE article_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE article (
    id           BIGINT       NOT NULL PRIMARY KEY,
    title        VARCHAR(300) NOT NULL,
    body         VARCHAR(20000),
    author       VARCHAR(200) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    published_at TIMESTAMP
);
CREATE INDEX article_status_idx ON article (status);
