-- Agent tokens and token groups. A token's secret is stored only as its SHA-256 hash.
CREATE SEQUENCE token_group_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE token_group (
    id   BIGINT       NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT token_group_name_uk UNIQUE (name)
);

CREATE TABLE token_group_permission (
    group_id   BIGINT       NOT NULL,
    permission VARCHAR(200) NOT NULL,
    PRIMARY KEY (group_id, permission),
    CONSTRAINT token_group_permission_group_fk FOREIGN KEY (group_id) REFERENCES token_group (id) ON DELETE CASCADE
);

CREATE SEQUENCE agent_token_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE agent_token (
    id           BIGINT       NOT NULL PRIMARY KEY,
    key_id       VARCHAR(32)  NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    owner_name   VARCHAR(200) NOT NULL,
    active       BOOLEAN      NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP,
    last_used_at TIMESTAMP,
    rate_limit   VARCHAR(40),
    CONSTRAINT agent_token_key_uk UNIQUE (key_id)
);
CREATE INDEX agent_token_owner_idx ON agent_token (owner_name);
CREATE INDEX agent_token_last_used_idx ON agent_token (last_used_at);

CREATE TABLE agent_token_permission (
    token_id   BIGINT       NOT NULL,
    permission VARCHAR(200) NOT NULL,
    PRIMARY KEY (token_id, permission),
    CONSTRAINT agent_token_permission_token_fk FOREIGN KEY (token_id) REFERENCES agent_token (id) ON DELETE CASCADE
);

CREATE TABLE agent_token_group (
    token_id BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    PRIMARY KEY (token_id, group_id),
    CONSTRAINT agent_token_group_token_fk FOREIGN KEY (token_id) REFERENCES agent_token (id) ON DELETE CASCADE,
    CONSTRAINT agent_token_group_group_fk FOREIGN KEY (group_id) REFERENCES token_group (id) ON DELETE CASCADE
);
