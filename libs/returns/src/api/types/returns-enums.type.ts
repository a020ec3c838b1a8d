// Importing this module registers the returns enums with GraphQL (registerEnumType runs on load).
import '../../entities/return.enums';
