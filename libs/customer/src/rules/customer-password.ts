// Customers' passwords use the same memory-hard scrypt format as staff passwords (libs/common).
export {
  DUMMY_PASSWORD_HASH as DUMMY_CUSTOMER_PASSWORD_HASH,
  hashPassword as hashCustomerPassword,
  verifyPassword as verifyCustomerPassword,
} from '@omnitill/common';
