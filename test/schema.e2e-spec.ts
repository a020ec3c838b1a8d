import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { TestApp } from '@omnitill/testing';

// The committed schema is the API contract that POS and storefront teams code against.
describe('GraphQL schema', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('matches the committed apps/api/schema.gql (run `npm run schema:print` after changing the API)', () => {
    const served = `${printSchema(sut.app.get(GraphQLSchemaHost).schema)}\n`;
    const committed = readFileSync(join(__dirname, '..', 'apps', 'api', 'schema.gql'), 'utf8');
    expect(served).toBe(committed);
  });
});
