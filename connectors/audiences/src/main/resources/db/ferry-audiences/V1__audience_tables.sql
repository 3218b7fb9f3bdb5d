-- Ferry's own tables in the Commerce database; Ferry never writes a Magento table.
-- Times are UTC. Identity values are hashes or device ids, never raw email addresses.

CREATE TABLE IF NOT EXISTS ferry_audience (
  audience_id varchar(64) NOT NULL,
  name varchar(255) DEFAULT NULL,
  description text DEFAULT NULL,
  state varchar(32) DEFAULT NULL,
  updated_at datetime(3) NOT NULL,
  PRIMARY KEY (audience_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS ferry_audience_membership (
  identity_namespace varchar(32) NOT NULL,
  identity_value varchar(128) NOT NULL,
  audience_id varchar(64) NOT NULL,
  customer_id int unsigned DEFAULT NULL,
  status varchar(16) NOT NULL,
  last_qualification_time datetime(3) NOT NULL,
  updated_at datetime(3) NOT NULL,
  PRIMARY KEY (identity_namespace, identity_value, audience_id),
  KEY FERRY_AUDIENCE_MEMBERSHIP_CUSTOMER_ID (customer_id),
  KEY FERRY_AUDIENCE_MEMBERSHIP_AUDIENCE_ID (audience_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- customer_entity.entity_id -> SHA-256 of the trimmed, lower-cased email, refreshed from customer_entity.updated_at.
CREATE TABLE IF NOT EXISTS ferry_customer_email_hash (
  customer_id int unsigned NOT NULL,
  website_id smallint unsigned DEFAULT NULL,
  email_sha256 char(64) DEFAULT NULL,
  customer_updated_at timestamp NOT NULL DEFAULT '1970-01-01 00:00:01',
  PRIMARY KEY (customer_id),
  KEY FERRY_CUSTOMER_EMAIL_HASH_EMAIL_SHA256 (email_sha256),
  KEY FERRY_CUSTOMER_EMAIL_HASH_UPDATED (customer_updated_at, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
