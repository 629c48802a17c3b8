export function App() {
  return (
    <main>
      <h1>SpatialLens</h1>
      <p>Ask spatial questions about a photo. Everything runs in your browser; nothing is uploaded.</p>
    </main>
  );
}
