import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { graphiqlHref, useRoute } from './routes.js';
import './styles.css';

const GraphiQLPage = lazy(() => import('./graphiql-page.js'));

function Root() {
  const route = useRoute();
  return (
    <>
      <header className="topbar">
        <a className="brand" href="#/">
          <span className="logo" aria-hidden="true" />
          visiongraph <span className="muted">playground</span>
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={route.page === 'playground' ? 'page' : undefined}>
            Playground
          </a>
          <a href={graphiqlHref()} aria-current={route.page === 'graphiql' ? 'page' : undefined}>
            GraphiQL
          </a>
        </nav>
      </header>
      <main id="main">
        {route.page === 'graphiql' ? (
          <Suspense
            fallback={
              <p className="loading placeholder" role="status">
                Loading GraphiQL…
              </p>
            }
          >
            <GraphiQLPage query={route.query} variables={route.variables} />
          </Suspense>
        ) : (
          <App />
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
