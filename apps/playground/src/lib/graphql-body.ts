// The request body for one GraphQL operation: JSON, or a GraphQL multipart request
// (https://github.com/jaydenseric/graphql-multipart-request-spec) when a variable holds a File.

export function graphqlBody(query: string, variables: Record<string, unknown>): BodyInit {
  const files = Object.entries(variables).filter(
    (entry): entry is [string, File] => entry[1] instanceof File,
  );
  if (files.length === 0) return JSON.stringify({ query, variables });

  // The files travel as separate parts; `operations` carries null where each one goes.
  const operations = {
    query,
    variables: Object.fromEntries(
      Object.entries(variables).map(([key, value]) => [key, value instanceof File ? null : value]),
    ),
  };
  const map = Object.fromEntries(
    files.map(([key], index) => [String(index), [`variables.${key}`]]),
  );
  const form = new FormData();
  form.append('operations', JSON.stringify(operations));
  form.append('map', JSON.stringify(map));
  files.forEach(([, file], index) => form.append(String(index), file, file.name));
  return form;
}
