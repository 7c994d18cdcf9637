import { useEffect, useState } from 'react';

export interface Example {
  name: string;
  file: string;
  url: string;
  description: string;
}

/** The gateway's example images (`GET /examples`), as buttons. */
export function ExamplesList({
  onPick,
  current,
}: {
  onPick: (example: Example) => void;
  current?: string;
}) {
  const [examples, setExamples] = useState<Example[]>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const controller = new AbortController();
    fetch('/examples', { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setExamples((await response.json()) as Example[]);
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setProblem(`Examples unavailable: ${error.message}`);
      });
    return () => controller.abort();
  }, []);

  if (problem) return <p className="muted">{problem}</p>;
  if (!examples)
    return (
      <p className="muted" role="status">
        Loading examples…
      </p>
    );
  return (
    <ul className="examples">
      {examples.map((example) => (
        <li key={example.file}>
          <button
            type="button"
            className="example"
            data-file={example.file}
            aria-pressed={current === example.file}
            title={example.description}
            onClick={() => onPick(example)}
          >
            <img src={example.url} alt="" loading="lazy" width={48} height={48} />
            <span>{example.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
