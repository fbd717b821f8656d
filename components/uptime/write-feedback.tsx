"use client";
// What became of a founder's write: an error in red (the API names the field), or a success note.
export function WriteFeedback({
  error,
  success,
}: {
  error: string | null;
  success: string | null;
}) {
  if (error) {
    return (
      <p className="write-feedback write-feedback--error" role="alert" data-testid="write-error">
        {error}
      </p>
    );
  }
  return (
    <p className="write-feedback write-feedback--success" role="status" data-testid="write-success">
      {success ?? ""}
    </p>
  );
}
